import asyncio

async def func():
    print('test')
    response = await asyncio.sleep(2)
    print('任务完成')
    return f'执行_____完成： {response}'


async def main():
    print('main')
    task_list = [
        asyncio.create_task(func(), name='n1'),
        asyncio.create_task(func(), name='n2')
    ]
    done, padding = await asyncio.wait(task_list, timeout=3)
    print(done)
    print(padding)
    print('主线程运行')


async_obj = main()
asyncio.run(async_obj)
