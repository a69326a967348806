import asyncio


async def download(name, seconds):
    print(f'{name}: 开始下载')
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f'{name}: 被取消')
        raise
    print(f'{name}: 下载完成')
    return f'{name} 的数据'


async def main():
    task_list = [
        asyncio.create_task(download('fast', 1), name='fast'),
        asyncio.create_task(download('slow', 5), name='slow'),
    ]
    done, pending = await asyncio.wait(task_list, timeout=3)
    print('done:', sorted(t.get_name() for t in done))
    print('pending:', sorted(t.get_name() for t in pending))
    print(done)
    for task in pending:
        task.cancel()
    # cancel() only requests cancellation; wait until the task has actually handled it.
    await asyncio.wait(pending)
    print('main 结束')


asyncio.run(main())
