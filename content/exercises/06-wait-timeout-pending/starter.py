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
    # TODO: 最多等待 3 秒，得到 done 和 pending 两个集合
    # TODO: 打印 done 中任务的名字、pending 中任务的名字，再打印 done 集合本身
    # TODO: 取消 pending 中的任务，并等它们真正结束，最后打印 'main 结束'


asyncio.run(main())
